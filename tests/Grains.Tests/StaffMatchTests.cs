namespace AccessGrid.Grains.Tests;

public sealed class StaffMatchTests
{
    [Theory]
    [InlineData("zo", "Zoë Ångström", "z-1", true)]
    [InlineData("ANGS zoe", "Zoë Ångström", "z-1", true)]
    [InlineData("jean-luc", "Jean-Luc Picard", "p-1", true)]
    [InlineData("luc", "Jean-Luc Picard", "p-1", true)]
    [InlineData("o'bri", "Miles O'Brien", "m-1", true)]
    [InlineData("ｊｅａｎ", "Jean Dupont", "d-1", true)]
    [InlineData("ean", "Jean Dupont", "d-1", false)]
    [InlineData("jean x", "Jean Dupont", "d-1", false)]
    [InlineData("EMP-00", "Anyone", "emp-0042", true)]
    [InlineData("emp 00", "Anyone", "emp-0042", false)]
    [InlineData("", "Anyone", "a", true)]
    [InlineData("   ", "Anyone", "a", true)]
    public void A_person_matches_by_name_word_prefixes_or_by_id_prefix(string text, string name, string id, bool expected) =>
        Assert.Equal(expected, StaffMatch.Parse(text).Matches(id, StaffMatch.Words(name)));

    [Fact]
    public void Invalid_text_folds_without_throwing() =>
        Assert.False(StaffMatch.Parse("\ud800x").Matches("a", StaffMatch.Words("Bob \udc00")));
}
