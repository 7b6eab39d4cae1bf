namespace AccessGrid.Grains.Tests;

/// <summary>Keys say what they are, whom they are for, who made them and when they were last used; revocations reach
/// subscribed nodes; a removed door takes its reader keys with it for good.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KeyAccountabilityTests(ClusterFixture fixture)
{
    private IApiKeyRegistryGrain Keys => fixture.Client.GetGrain<IApiKeyRegistryGrain>(0);

    [Fact]
    public async Task A_key_carries_label_owner_creator_and_its_last_use()
    {
        AuditActors.Set("c0ffee000001", "Ops admin");
        CreatedApiKey created;
        try
        {
            created = await Keys.Create(ApiRole.Guard, null, "  Night desk ", "Sam Guard");
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Equal(("Night desk", "Sam Guard", new AuditActor("c0ffee000001", "Ops admin")), (created.Info.Label, created.Info.Owner, created.Info.CreatedBy));
        Assert.Null(created.Info.LastUsedAt);
        var used = await Keys.Validate(created.Key);
        Assert.NotNull(used?.LastUsedAt);
        Assert.Equal(used.LastUsedAt, (await Keys.List()).Single(k => k.KeyId == created.Info.KeyId).LastUsedAt);
        var change = (await fixture.Client.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(Kind: AuditKind.Change, Limit: 1000)))
            .First(e => e.Action == "key.created" && e.Detail!.Contains(created.Info.KeyId, StringComparison.Ordinal));
        Assert.Equal(new AuditActor("c0ffee000001", "Ops admin"), change.Actor);

        var defaults = await Keys.Create(ApiRole.Hr, null);
        Assert.Equal(("hr key", "system"), (defaults.Info.Label, defaults.Info.Owner));
        await Assert.ThrowsAsync<AccessGridException>(() => Keys.Create(ApiRole.Hr, null, new string('x', 101)).AsTask());
        await Assert.ThrowsAsync<AccessGridException>(() => Keys.Create(ApiRole.Hr, null, "two\nlines").AsTask());
    }

    [Fact]
    public async Task A_removed_door_takes_its_reader_keys_and_recreating_it_does_not_revive_them()
    {
        var scenario = new Scenario(fixture.Client);
        var door = await scenario.NewDoor();
        var reader = await Keys.Create(ApiRole.Reader, door.GetPrimaryKeyString());
        var revoked = new RevocationProbe();
        var reference = fixture.Client.CreateObjectReference<IKeyRevocationObserver>(revoked);
        await Keys.Subscribe(reference);

        Assert.True(await door.Remove());
        await door.Create("Same id again", "lobby", DoorMode.Both, null);

        Assert.Null(await Keys.Validate(reader.Key));
        Assert.Contains(reader.Info.KeyId, await revoked.Next.WaitAsync(TimeSpan.FromSeconds(10)));
        await Keys.Unsubscribe(reference);
    }

    [Fact]
    public async Task Revoking_a_key_tells_every_subscribed_node()
    {
        var guard = await Keys.Create(ApiRole.Guard, null, "Lobby screen", "Facilities");
        var probes = new[] { new RevocationProbe(), new RevocationProbe() };
        var references = probes.Select(p => fixture.Client.CreateObjectReference<IKeyRevocationObserver>(p)).ToArray();
        foreach (var reference in references) await Keys.Subscribe(reference);

        Assert.True(await Keys.Revoke(guard.Info.KeyId));

        foreach (var probe in probes) Assert.Equal([guard.Info.KeyId], await probe.Next.WaitAsync(TimeSpan.FromSeconds(10)));
        foreach (var reference in references) await Keys.Unsubscribe(reference);
    }

    private sealed class RevocationProbe : IKeyRevocationObserver
    {
        private readonly TaskCompletionSource<string[]> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<string[]> Next => _next.Task;

        public Task OnKeysRevoked(string[] keyIds)
        {
            _next.TrySetResult(keyIds);
            return Task.CompletedTask;
        }
    }
}
