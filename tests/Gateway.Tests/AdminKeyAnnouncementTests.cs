using AccessGrid.Silo;

namespace AccessGrid.Gateway.Tests;

/// <summary>The first admin key is shown to a person at a terminal and never written to a redirected stdout (a log).</summary>
public sealed class AdminKeyAnnouncementTests
{
    private const string Key = "agk_0123456789abcdef";

    [Fact]
    public void A_redirected_stdout_is_told_where_the_file_is_but_never_sees_the_key()
    {
        var output = new StringWriter();
        AdminKeyBootstrap.Announce(output, interactive: false, "/home/x/.accessgrid/admin.key", Key);
        Assert.DoesNotContain(Key, output.ToString());
        Assert.Contains("/home/x/.accessgrid/admin.key", output.ToString());
    }

    [Fact]
    public void A_terminal_sees_the_key_once()
    {
        var output = new StringWriter();
        AdminKeyBootstrap.Announce(output, interactive: true, "/home/x/.accessgrid/admin.key", Key);
        Assert.Single(output.ToString().Split(Key)[1..]);
    }
}
