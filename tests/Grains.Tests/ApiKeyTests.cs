namespace AccessGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ApiKeyTests(ClusterFixture fixture)
{
    private IApiKeyRegistryGrain Keys => fixture.Client.GetGrain<IApiKeyRegistryGrain>(0);

    [Fact]
    public async Task A_reader_key_is_bound_to_an_existing_door_and_works_until_revoked()
    {
        var door = new Scenario(fixture.Client);
        var front = await door.NewDoor();

        var created = await Keys.Create(ApiRole.Reader, front.GetPrimaryKeyString());
        var info = await Keys.Validate(created.Key);

        Assert.NotNull(info);
        Assert.Equal(ApiRole.Reader, info.Role);
        Assert.Equal(front.GetPrimaryKeyString(), info.DoorId);
        Assert.DoesNotContain(created.Key, string.Join(",", (await Keys.List()).Select(k => k.ToString())));
        Assert.Null(await Keys.Validate(created.Key + "x"));
        Assert.Null(await Keys.Validate(""));

        Assert.True(await Keys.Revoke(info.KeyId));
        Assert.Null(await Keys.Validate(created.Key));
        Assert.False(await Keys.Revoke(info.KeyId));
    }

    [Fact]
    public async Task Roles_and_doors_must_fit_together()
    {
        async Task<AccessGridError> Fails(ApiRole role, string? door) =>
            (await Assert.ThrowsAsync<AccessGridException>(() => Keys.Create(role, door).AsTask())).Kind;

        Assert.Equal(AccessGridError.Invalid, await Fails(ApiRole.Reader, null));
        Assert.Equal(AccessGridError.NotFound, await Fails(ApiRole.Reader, "no-such-door"));
        Assert.Equal(AccessGridError.Invalid, await Fails(ApiRole.Hr, "front"));
        var hr = await Keys.Create(ApiRole.Hr, null);
        Assert.Equal(ApiRole.Hr, (await Keys.Validate(hr.Key))!.Role);
        Assert.NotEqual(hr.Key, (await Keys.Create(ApiRole.Hr, null)).Key);
    }

    [Fact]
    public async Task The_bootstrap_admin_key_is_created_once()
    {
        var first = await Keys.CreateBootstrapAdminIfNone();
        var second = await Keys.CreateBootstrapAdminIfNone();
        Assert.Null(second);
        Assert.True(first is null || (await Keys.Validate(first.Key))!.Role == ApiRole.Admin);
        Assert.Contains(await Keys.List(), k => k.Role == ApiRole.Admin);
    }
}
