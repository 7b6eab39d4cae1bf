using AccessGrid.Vision;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>A person: profile, templates and grants. Non-reentrant, so enrollments and grant changes are applied one
/// at a time and every decision sees the latest persisted state.</summary>
public sealed class StaffGrain(
    [PersistentState("staff", StorageNames.Staff)] IPersistentState<StaffState> state,
    IOptions<AccessGridOptions> options,
    IFaceImageStore images,
    TimeProvider clock) : Grain, IStaffGrain
{
    private string Id => this.GetPrimaryKeyString();
    private StaffState S => state.State;
    private FaceIndex Index => new(GrainFactory, options.Value.IndexShards);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // State written before issue 13 holds float arrays: store it compactly on first use.
        if (state.RecordExists && S.MigrateTemplates()) await state.WriteStateAsync(cancellationToken);
    }

    public async ValueTask<StaffProfile> Create(string name)
    {
        Ids.Require(Id, "Staff id");
        if (state.RecordExists) throw AccessGridException.Conflict("staff_exists", $"Staff '{Id}' already exists.");
        state.State = new StaffState { Name = Names.Require(name, "A person's"), Status = StaffStatus.Active, CreatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        await StaffDirectory.PartitionOf(GrainFactory, Id).Put(Id, S.Name);
        // Audit rows carry the id, never the name: erasure cannot rewrite a chained row (docs/security.md).
        await AuditLog.Change(GrainFactory, "staff.created", null, Id, "Person created.");
        return Profile();
    }

    public ValueTask<StaffProfile?> GetProfile() => ValueTask.FromResult(state.RecordExists ? Profile() : null);

    public async ValueTask<StaffProfile> Rename(string name)
    {
        RequireExists();
        S.Name = Names.Require(name, "A person's");
        await state.WriteStateAsync();
        await StaffDirectory.PartitionOf(GrainFactory, Id).Put(Id, S.Name);
        await AuditLog.Change(GrainFactory, "staff.renamed", null, Id, "Person renamed.");
        return Profile();
    }

    public async ValueTask<StaffProfile> SetStatus(StaffStatus status)
    {
        RequireExists();
        if (!Enum.IsDefined(status)) throw AccessGridException.Invalid("invalid_status", "status must be active or suspended.");
        if (S.Status == status) return Profile();
        S.Status = status;
        await state.WriteStateAsync();
        await AuditLog.Change(GrainFactory, status == StaffStatus.Suspended ? "staff.suspended" : "staff.reactivated", null, Id, $"Status {status}.");
        return Profile();
    }

    public async ValueTask<EnrollmentResult> Enroll(AnalysedFrame frame)
    {
        var result = await TryEnroll(frame);
        if (result.Rejection is { } rejection) GrainMetrics.EnrollmentRejected(rejection);
        return result;
    }

    private async Task<EnrollmentResult> TryEnroll(AnalysedFrame frame)
    {
        RequireExists();
        var gates = options.Value.Quality;
        var count = S.Faces.Count;
        if (count >= gates.MaxTemplatesPerPerson)
            return EnrollmentResult.Rejected(EnrollmentRejection.TooManyTemplates, $"'{Id}' already has {count} templates; remove faces first.", count);

        if (Enrollment.Reject(frame, gates.Enrollment, count) is { } rejected) return rejected;
        var face = frame.Primary!;

        // Refuse a face that is already someone else's: one person under two ids would split their grants and audit.
        var thresholds = options.Value.Thresholds;
        var others = (await Index.Search(face.Embedding, 2)).Hits.Where(h => h.StaffId != Id);
        if (others.FirstOrDefault(h => h.Distance <= thresholds.DuplicateMaxDistance) is { } twin)
            return EnrollmentResult.Rejected(EnrollmentRejection.AlreadyEnrolledAsOther,
                $"This face is already enrolled as '{twin.StaffId}' (distance {twin.Distance:0.000}).", count, twin.StaffId);

        // Rounded to the stored precision first, so the index holds exactly what the state holds.
        var template = new FaceTemplate(Guid.NewGuid(), StoredTemplate.Round(face.Embedding), face.Quality, clock.GetUtcNow());
        // The thumbnail first: a crash before the state write leaves a picture under the person's prefix (erasure deletes
        // it), never a template pointing at nothing.
        var thumbnail = frame.FaceJpeg is { Length: > 0 };
        if (thumbnail) await images.PutThumbnail(Id, template.TemplateId, frame.FaceJpeg!);
        S.Faces.Add(StoredTemplate.From(template, thumbnail));
        await state.WriteStateAsync();
        await Index.ShardOf(Id).SetTemplates(Id, Templates());
        await AuditLog.Change(GrainFactory, "face.enrolled", null, Id, $"Template {template.TemplateId:N} enrolled (size {face.Quality.SizePx:0} px).");
        return new EnrollmentResult(S.Faces[^1].Summary(), null, "Enrolled.", null, S.Faces.Count);
    }

    public async ValueTask<int> RemoveFaces()
    {
        RequireExists();
        var removed = S.Faces.Count;
        S.Faces.Clear();
        await state.WriteStateAsync();
        await Index.RemoveEverywhere(Id);
        await images.DeleteThumbnails(Id);
        await AuditLog.Change(GrainFactory, "face.removed", null, Id, $"{removed} templates removed.");
        return removed;
    }

    public async ValueTask<bool> RemoveFace(Guid templateId)
    {
        RequireExists();
        if (S.Faces.RemoveAll(t => t.TemplateId == templateId) == 0) return false;
        await state.WriteStateAsync();
        await Index.ShardOf(Id).SetTemplates(Id, Templates());
        await images.DeleteThumbnail(Id, templateId);
        await AuditLog.Change(GrainFactory, "face.removed", null, Id, $"Template {templateId:N} removed.");
        return true;
    }

    public async ValueTask<Grant> SetGrant(GrantScope scope, string target, GrantTerms terms)
    {
        RequireExists();
        await CheckGrant(scope, target, terms);
        var grant = new Grant(scope, target, terms, 0, clock.GetUtcNow());
        S.Grants.RemoveAll(g => g.Scope == scope && g.Target == target);
        S.Grants.Add(grant);
        await state.WriteStateAsync();
        await AuditLog.Change(GrainFactory, "grant.set", scope == GrantScope.Door ? target : null, Id, $"Grant on {scope} '{target}' set.");
        return grant;
    }

    public async ValueTask<bool> RevokeGrant(GrantScope scope, string target)
    {
        RequireExists();
        if (S.Grants.RemoveAll(g => g.Scope == scope && g.Target == target) == 0) return false;
        await state.WriteStateAsync();
        await AuditLog.Change(GrainFactory, "grant.revoked", scope == GrantScope.Door ? target : null, Id, $"Grant on {scope} '{target}' revoked.");
        return true;
    }

    public async ValueTask<ClaimCheck> CheckClaim(float[] embedding, float? nearestOther, string doorId, string zone, DateTimeOffset at)
    {
        if (embedding is not { Length: ShardIndex.Dimensions })
            throw AccessGridException.Invalid("invalid_embedding", $"An encoding has {ShardIndex.Dimensions} values.");
        // No oracle: a claim of someone who does not exist is answered as a face that is not theirs, so a reader
        // cannot tell who exists (docs/security.md, "No oracles for readers").
        if (!state.RecordExists) return new ClaimCheck(DecisionReason.NotClaimedPerson, null, null);
        if (S.Faces.Count == 0) return new ClaimCheck(DecisionReason.NotEnrolled, null, null);
        // The same templates the index holds for this person (theirs and their mean), so 1:1 and 1:K see one person.
        var claimed = MeanTemplate.With(Id, Templates()).Min(t => FaceDistance.Euclidean(embedding, t.Embedding));
        var thresholds = options.Value.Thresholds;
        // Near the claim is not enough when someone else is plainly nearer: that face is theirs.
        if (claimed > thresholds.VerifyMaxDistance || nearestOther + thresholds.VerifyMargin < claimed)
            return new ClaimCheck(DecisionReason.NotClaimedPerson, null, claimed);
        var auth = await Authorize(doorId, zone, at);
        return new ClaimCheck(auth.Reason, auth.Name, claimed);
    }

    public async ValueTask<AuthorizationResult> Authorize(string doorId, string zone, DateTimeOffset at)
    {
        if (!state.RecordExists || S.Faces.Count == 0) return new AuthorizationResult(DecisionReason.NotEnrolled, null);
        if (S.Status == StaffStatus.Suspended) return new AuthorizationResult(DecisionReason.Suspended, S.Name);
        var (opening, reason) = GrantRules.Evaluate(GrantRules.For(S.Grants, doorId, zone), at);
        if (opening is null) return new AuthorizationResult(reason, S.Name);
        if (opening.Terms.MaxUses is not null)
        {
            // A visitor pass: count the use before the door opens, so a crash cannot hand out a free one.
            S.Grants[S.Grants.IndexOf(opening)] = opening with { Uses = opening.Uses + 1 };
            await state.WriteStateAsync();
        }
        return new AuthorizationResult(null, S.Name);
    }

    public ValueTask<FaceTemplate[]> GetTemplates() => ValueTask.FromResult(state.RecordExists ? Templates() : []);

    public async ValueTask<bool> Erase()
    {
        if (!state.RecordExists) return false;
        await Index.RemoveEverywhere(Id);
        await images.DeleteThumbnails(Id);
        await images.DeleteSnapshotsNaming(Id);
        await state.ClearStateAsync();
        state.State = new StaffState();
        await StaffDirectory.PartitionOf(GrainFactory, Id).Remove(Id);
        await AuditLog.Change(GrainFactory, "staff.erased", null, Id, "Person erased: profile, templates, grants, index entries, thumbnails and decision snapshots.");
        DeactivateOnIdle();
        return true;
    }

    public ValueTask<StaffRecord?> Export() => ValueTask.FromResult(state.RecordExists
        ? new StaffRecord(Id, S.Name, S.Status, S.CreatedAt, [.. S.Faces], [.. S.Grants])
        : null);

    public async ValueTask<bool> Restore(StaffRecord record)
    {
        Ids.Require(Id, "Staff id");
        if (record.Id != Id) throw AccessGridException.Invalid("invalid_id", $"The record of '{record.Id}' was sent to '{Id}'.");
        if (state.RecordExists) return false;
        var name = Names.Require(record.Name, "A person's");
        if (!Enum.IsDefined(record.Status)) throw AccessGridException.Invalid("invalid_status", "status must be active or suspended.");
        var faces = record.Faces ?? [];
        if (faces.Length > options.Value.Quality.MaxTemplatesPerPerson)
            throw AccessGridException.Invalid("invalid_template", $"'{Id}' has {faces.Length} templates; at most {options.Value.Quality.MaxTemplatesPerPerson} are kept.");
        foreach (var face in faces) CheckStoredTemplate(face);
        var grants = (record.Grants ?? []).Select(g => g with { Terms = g.Terms ?? GrantTerms.Always }).ToArray();
        foreach (var grant in grants)
        {
            await CheckGrant(grant.Scope, grant.Target, grant.Terms);
            if (grant.Uses < 0) throw AccessGridException.Invalid("invalid_grant", $"Grant on '{grant.Target}' has {grant.Uses} uses.");
        }
        if (grants.DistinctBy(g => (g.Scope, g.Target)).Count() != grants.Length)
            throw AccessGridException.Invalid("invalid_grant", $"'{Id}' holds two grants for the same door or zone.");

        // A backup carries templates, not photos: no restored template has a thumbnail in this site's image store.
        state.State = new StaffState { Name = name, Status = record.Status, CreatedAt = record.CreatedAt,
            Faces = [.. faces.Select(f => f with { Thumbnail = false })], Grants = [.. grants] };
        await state.WriteStateAsync();
        await StaffDirectory.PartitionOf(GrainFactory, Id).Put(Id, name);
        return true;
    }

    /// <summary>A stored template must be what <see cref="StoredTemplate"/> writes: 128 finite halves and its measurements.</summary>
    private static void CheckStoredTemplate(StoredTemplate face)
    {
        if (face.Half is not { Length: ShardIndex.Dimensions * 2 } || face.Quality is null || face.TemplateId == Guid.Empty
            || !face.ToTemplate().Embedding.All(float.IsFinite))
            throw AccessGridException.Invalid("invalid_template", $"A template holds {ShardIndex.Dimensions} finite half-precision values, an id and its quality.");
    }

    private async Task CheckGrant(GrantScope scope, string target, GrantTerms terms)
    {
        if (!Enum.IsDefined(scope)) throw AccessGridException.Invalid("invalid_grant", "A grant is for a door or a zone.");
        Ids.Require(target, scope == GrantScope.Door ? "Door id" : "Zone", scope == GrantScope.Door ? "invalid_id" : "invalid_zone");
        GrantRules.Validate(terms);
        if (scope == GrantScope.Door && await GrainFactory.GetGrain<IDoorGrain>(target).GetInfo() is null)
            throw AccessGridException.UnknownDoor(target);
    }

    private StaffProfile Profile() => new(
        Id, S.Name, S.Status,
        [.. S.Faces.Select(t => t.Summary())],
        [.. S.Grants], S.CreatedAt);

    private FaceTemplate[] Templates() => [.. S.Faces.Select(t => t.ToTemplate())];

    private void RequireExists()
    {
        if (!state.RecordExists) throw AccessGridException.UnknownStaff(Id);
    }
}
