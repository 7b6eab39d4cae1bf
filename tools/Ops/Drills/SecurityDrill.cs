using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AccessGrid.Client;
using AccessGrid.Grains;
using AccessGrid.Ops.Load;
using AccessGrid.Vision;

namespace AccessGrid.Ops.Drills;

/// <summary>The security drill: the role × endpoint × key matrix (expected status per cell), hostile JSON, ids and
/// images, the failed-authentication limit, and an erasure proven by scanning every table row, blob and silo log for
/// the erased person's name and encodings. Two silos: the first with a loose failed-authentication limit (the matrix
/// sends many wrong keys from 127.0.0.1), the second with the default limits, to check the 429.</summary>
public static class SecurityDrill
{
    /// <summary>RateLimitSettings.FailedAuthPerAddress's default: the second silo runs with it.</summary>
    private const int DefaultFailedAuthPerAddress = 20;

    public static async Task<DrillResult> Run(DrillOptions options, Action<string> log, CancellationToken ct)
    {
        using var cluster = await DrillCluster.Start("security", 2, log, ct,
            silo => silo == 0 ? ["--AccessGrid:RateLimits:FailedAuthPerAddress=100000"] : []);
        using var admin = AccessGridClient.Create(cluster.Url(0), cluster.AdminKey, options.Timeout);
        var library = FrameLibrary.Load(options.ImagesFolder, people: 1, unknownPeople: 1);
        var (personPhoto, probe, stranger) = (library.Enrollments[0].Jpeg, library.Frames[FrameKind.Enrolled][0].Jpeg, library.Frames[FrameKind.Unknown][0].Jpeg);
        var run = Guid.NewGuid().ToString("N")[..8];
        var checks = new List<DrillCheck>();
        var figures = new Dictionary<string, string>();

        // The cast: three doors (one to delete), a person, and a key of every kind.
        string doorA = $"sec-a-{run}", doorB = $"sec-b-{run}", doorGone = $"sec-gone-{run}", staffId = $"sec-p-{run}", name = $"Erasure Subject {run}";
        foreach (var door in new[] { doorA, doorB, doorGone }) await admin.CreateDoor(door, $"Door {door}", "security", DoorMode.Both, LivenessPolicy.Off, ct);
        var keys = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["wrong"] = "agk_" + new string('x', 43),
            ["admin"] = cluster.AdminKey,
            ["hr"] = (await admin.CreateKey(ApiRole.Hr, null, ct)).Key,
            ["guard"] = (await admin.CreateKey(ApiRole.Guard, null, ct)).Key,
            ["reader"] = (await admin.CreateKey(ApiRole.Reader, doorA, ct)).Key,
            ["reader-other-door"] = (await admin.CreateKey(ApiRole.Reader, doorB, ct)).Key,
        };
        var revoked = await admin.CreateKey(ApiRole.Guard, null, ct);
        await admin.RevokeKey(revoked.KeyId, ct);
        keys["revoked"] = revoked.Key;
        keys["deleted-door-reader"] = (await admin.CreateKey(ApiRole.Reader, doorGone, ct)).Key;
        await admin.DeleteDoor(doorGone, ct);
        await admin.CreateDoor(doorGone, "Re-created", "security", DoorMode.Both, LivenessPolicy.Off, ct); // must not revive its old reader key

        await admin.CreateStaff(staffId, name, ct);
        await admin.EnrollFace(staffId, personPhoto, ct: ct);
        await admin.GrantDoor(staffId, doorA, ct: ct);

        checks.Add(await Matrix(admin, keys, doorA, probe, figures, log, ct));
        checks.AddRange(await Hostile(admin, doorA, staffId, probe, options, cluster, figures, ct));
        checks.AddRange(await Oracles(admin.WithKey(keys["reader"]), doorA, staffId, probe, stranger, ct));
        checks.Add(await FailedAuthLimit(cluster, options, ct));
        checks.AddRange(await Erasure(cluster, admin, staffId, name, [personPhoto], doorB, probe, figures, log, ct));
        return new DrillResult("security", checks, figures);
    }

    /// <summary>Every endpoint with every key: 401 without a working key, 403 for a role the endpoint is not for, and
    /// the endpoint's own answer otherwise (write requests carry an unknown field, so an allowed role gets 400 and
    /// nothing changes).</summary>
    private static async Task<DrillCheck> Matrix(AccessGridClient admin, Dictionary<string, string?> keys, string door, byte[] frame,
        Dictionary<string, string> figures, Action<string> log, CancellationToken ct)
    {
        string[] read = ["admin", "hr", "guard"], manage = ["admin", "hr"], adminOnly = ["admin"], atDoor = ["admin", "reader"];
        const string junk = """{"zzz":1}""";
        var endpoints = new (string Method, string Path, string? Json, string[] Allowed, int Status)[]
        {
            ("GET", "/api/doors", null, read, 200),
            ("GET", $"/api/doors/{door}", null, read, 200),
            ("POST", "/api/doors", junk, manage, 400),
            ("PUT", $"/api/doors/{door}", junk, manage, 400),
            ("DELETE", "/api/doors/sec-nobody", null, manage, 404),
            ("GET", "/api/staff", null, read, 200),
            ("GET", "/api/staff/sec-nobody", null, read, 404),
            ("POST", "/api/staff", junk, manage, 400),
            ("PATCH", "/api/staff/sec-nobody", junk, manage, 400),
            ("DELETE", "/api/staff/sec-nobody", null, manage, 404),
            ("DELETE", "/api/staff/sec-nobody/faces", null, manage, 404),
            ("PUT", $"/api/staff/sec-nobody/grants/{door}", null, manage, 404),
            ("DELETE", $"/api/staff/sec-nobody/grants/{door}", null, manage, 404),
            ("PUT", "/api/staff/sec-nobody/zones/security", null, manage, 404),
            ("GET", "/api/events?limit=1", null, read, 200),
            ("GET", "/api/keys", null, adminOnly, 200),
            ("POST", "/api/keys", junk, adminOnly, 400),
            ("DELETE", "/api/keys/sec-nobody", null, adminOnly, 404),
            ("GET", "/api/audit/verify", null, adminOnly, 200),
            ("GET", "/api/index", null, adminOnly, 200),
            ("POST", $"/api/doors/{door}/access", null, atDoor, 200),
            ("POST", $"/api/doors/{door}/verify?staffId=sec-nobody", null, atDoor, 200),
        };
        string[] noKey = ["none", "wrong", "revoked", "deleted-door-reader"];
        var wrong = new List<string>();
        int cells = 0;
        foreach (var (method, path, json, allowed, status) in endpoints)
            foreach (var (keyName, key) in keys)
            {
                var expected = noKey.Contains(keyName) ? 401 : allowed.Contains(keyName) ? status : 403;
                HttpContent? body = json is not null ? new StringContent(json, Encoding.UTF8, "application/json")
                    : path.Contains("/access") || path.Contains("/verify") ? Image(frame, "image/jpeg") : null;
                var actual = await Status(admin.WithKey(key), new HttpMethod(method), path, body, ct);
                cells++;
                if (actual != expected) wrong.Add($"{method} {path} with {keyName}: {actual}, expected {expected}");
            }
        figures["matrix"] = F($"{endpoints.Length} endpoints × {keys.Count} keys");
        foreach (var w in wrong) log(w);
        return new DrillCheck("role × endpoint × key matrix", wrong.Count == 0,
            wrong.Count == 0 ? F($"{cells} of {cells} cells as expected") : F($"{wrong.Count} of {cells} wrong: {string.Join("; ", wrong.Take(5))}"));
    }

    /// <summary>Hostile JSON, ids and images: each a clear 4xx naming the problem, never a 5xx and never stored;
    /// worst-case images at once keep the silo within its memory bound.</summary>
    private static async Task<IEnumerable<DrillCheck>> Hostile(AccessGridClient admin, string door, string staffId, byte[] frame,
        DrillOptions options, DrillCluster cluster, Dictionary<string, string> figures, CancellationToken ct)
    {
        var cases = new (string Name, HttpMethod Method, string Path, Func<HttpContent?> Body, int Status, string? Mentions)[]
        {
            ("unknown field on create", HttpMethod.Post, "/api/staff", () => Json("""{"id":"sec-x","name":"X","role":"admin"}"""), 400, "role"),
            ("unknown field on update", HttpMethod.Patch, $"/api/staff/{staffId}", () => Json("""{"suspended":true}"""), 400, "suspended"),
            ("enum number out of range", HttpMethod.Patch, $"/api/staff/{staffId}", () => Json("""{"status":7}"""), 400, null),
            ("door mode out of range", HttpMethod.Post, "/api/doors", () => Json("""{"id":"sec-m","name":"M","zone":"z","mode":9}"""), 400, null),
            ("schedule day out of range", HttpMethod.Put, $"/api/staff/{staffId}/grants/{door}",
                () => Json("""{"schedule":{"days":[99],"windows":[]}}"""), 400, null),
            ("id with a trailing newline", HttpMethod.Post, "/api/staff", () => Json("""{"id":"x\n","name":"X"}"""), 400, null),
            ("id with a trailing newline in the path", HttpMethod.Get, "/api/staff/x%0A", () => null, 400, null),
            ("not an image", HttpMethod.Post, $"/api/doors/{door}/access", () => Image("not an image at all"u8.ToArray(), "image/jpeg"), 400, "not_an_image"),
            ("JPEG magic, then garbage", HttpMethod.Post, $"/api/doors/{door}/access", () => Image([0xFF, 0xD8, 0xFF, .. new byte[512]], "image/jpeg"), 422, "bad_image"),
            ("wrong content type", HttpMethod.Post, $"/api/doors/{door}/access", () => Image(frame, "text/plain"), 415, null),
            ("oversize body", HttpMethod.Post, $"/api/doors/{door}/access", () => Image(new byte[11 * 1024 * 1024], "image/jpeg"), 413, null),
        };
        var results = new List<DrillCheck>();
        var wrong = new List<string>();
        foreach (var (name, method, path, body, status, mentions) in cases)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body() };
            using var response = await admin.SendRaw(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode != status || (mentions is not null && !text.Contains(mentions, StringComparison.Ordinal)))
                wrong.Add(F($"{name}: {(int)response.StatusCode}{(mentions is null ? "" : $" (must name '{mentions}')")}, expected {status}"));
        }
        var profile = await admin.GetStaff(staffId, ct);
        var unchanged = profile.Status == StaffStatus.Active && profile.Grants.Length == 1;
        results.Add(new DrillCheck("hostile JSON and ids: 4xx naming the problem, nothing stored", wrong.Count == 0 && unchanged,
            wrong.Count == 0 && unchanged ? F($"{cases.Length} of {cases.Length}") : string.Join("; ", wrong.Append(unchanged ? "" : "the person changed"))));

        // A small PNG declaring ~40 MP (39.7 MP, under the 40 M limit, so it is decoded): all at once, answered, bounded.
        var giant = MalformedInputs.PngBomb(7_280, 5_460);
        var baseline = cluster.Silo(0)!.PeakRssMegabytes ?? 0;
        var statuses = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.MalformedRequests)).Select(_ =>
            Status(admin, HttpMethod.Post, $"/api/doors/{door}/access", Image(giant, "image/png"), ct)));
        var peak = cluster.Silo(0)!.PeakRssMegabytes;
        var answered = statuses.All(s => s is >= 200 and < 500);
        figures["40 MP PNGs at once"] = F($"{statuses.Length} × {giant.Length / 1024} KB: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} ×{g.Count()}"))}");
        results.Add(new DrillCheck("40 MP PNGs at once: answered, memory bounded", answered && peak is { } p && p <= options.MaxRssMegabytes,
            F($"{statuses.Length} sent, peak RSS {peak:F0} MB (limit {options.MaxRssMegabytes:F0} MB, {baseline:F0} MB before)")));
        return results;
    }

    /// <summary>A reader learns nothing to climb on: no distance, and an unknown id answers exactly like a stranger's face.</summary>
    private static async Task<IEnumerable<DrillCheck>> Oracles(AccessGridClient reader, string door, string staffId, byte[] frame, byte[] stranger,
        CancellationToken ct)
    {
        async Task<string> Answer(string path, byte[]? image = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Image(image ?? frame, "image/jpeg") };
            using var response = await reader.SendRaw(request, ct);
            return await response.Content.ReadAsStringAsync(ct);
        }
        var access = await Answer($"/api/doors/{door}/access");
        var unknown = await Answer($"/api/doors/{door}/verify?staffId=sec-nobody");
        var known = await Answer($"/api/doors/{door}/verify?staffId={staffId}", stranger); // an enrolled person, someone else's face
        var sameShape = Shape(unknown) == Shape(known) && unknown.Contains("\"not_claimed_person\"", StringComparison.Ordinal);
        return
        [
            new DrillCheck("reader answers carry no distance", !access.Contains("distance") && !unknown.Contains("distance"), Short(access)),
            new DrillCheck("reader: unknown id answers like a non-match", sameShape, Short(unknown)),
        ];

        // Everything but the per-decision values (event id, time, the claimed id itself).
        static string Shape(string json) => System.Text.RegularExpressions.Regex.Replace(json,
            "\"(eventId|timestamp|staffId)\":(\"[^\"]*\"|null)", "\"$1\":_");
    }

    /// <summary>The second silo runs the default limit: the wrong keys beyond it get 429 with Retry-After.</summary>
    private static async Task<DrillCheck> FailedAuthLimit(DrillCluster cluster, DrillOptions options, CancellationToken ct)
    {
        using var client = AccessGridClient.Create(cluster.Url(1), "agk_" + new string('y', 43), options.Timeout);
        var codes = new List<int>();
        var retryAfter = false;
        for (var i = 0; i < DefaultFailedAuthPerAddress + 5; i++)
        {
            using var response = await client.SendRaw(new HttpRequestMessage(HttpMethod.Get, "/api/doors"), ct);
            codes.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) retryAfter |= response.Headers.RetryAfter is not null;
        }
        var expected = codes.Take(DefaultFailedAuthPerAddress).All(c => c == 401) && codes.Skip(DefaultFailedAuthPerAddress).All(c => c == 429);
        return new DrillCheck("default failed-auth limit: 429 with Retry-After after the configured count", expected && retryAfter,
            F($"{codes.Count(c => c == 401)} × 401 then {codes.Count(c => c == 429)} × 429 (limit {DefaultFailedAuthPerAddress}){(retryAfter ? "" : ", no Retry-After")}"));
    }

    /// <summary>Erase a person, then read every table row, blob and silo log: neither their name nor their encodings
    /// (float32 or the index's int8 form), nor a picture of their face (enrollment thumbnail, the snapshot of a decision
    /// that named them), nor a row or blob outside the audit keyed by their id, may remain. The same scan before the
    /// erasure must find them, so a blind scanner cannot pass.</summary>
    private static async Task<IEnumerable<DrillCheck>> Erasure(DrillCluster cluster, AccessGridClient admin, string staffId, string name,
        IReadOnlyList<byte[]> photos, string snapshotDoor, byte[] probe, Dictionary<string, string> figures, Action<string> log, CancellationToken ct)
    {
        using var pipeline = FacePipeline.Load();
        var traces = new TemplateTraces(name, [.. photos.Select(p => pipeline.Analyze(p).Primary?.Embedding).OfType<float[]>()],
            jpeg => pipeline.Analyze(jpeg).Faces.Select(f => f.Embedding));
        var logs = Enumerable.Range(0, cluster.SiloCount).Select(i => cluster.Silo(i)?.LogFile).OfType<string>().ToArray();

        // A door that keeps snapshots, where the person has no grant: the denial names them and keeps their face.
        await admin.SetDoorSnapshots(snapshotDoor, true, ct);
        var denied = await admin.Access(snapshotDoor, probe, ct: ct);
        await admin.RebuildIndex(ct); // every shard snapshots now, so the encodings are in storage before the erasure
        var before = await StorageScan.Run(cluster.ConnectionString, logs, traces, staffId, ct);
        var seen = new[] { "name", "float32", "int8", "face picture", "keyed by the id" }
            .Where(t => before.Remnants.Any(r => r.Contains(t, StringComparison.Ordinal))).ToArray();
        var pictures = before.Remnants.Count(r => r.Contains("face picture", StringComparison.Ordinal));

        await admin.EraseStaff(staffId, ct);
        var after = await StorageScan.Run(cluster.ConnectionString, logs, traces, staffId, ct);
        var events = JsonText(await admin.Events(new AuditQuery(StaffId: staffId, Limit: 1000), ct));
        log($"erasure scan: {after.Rows} rows, {after.Blobs} blobs, {after.Bytes / 1024} KB; {after.Remnants.Count} remnants");
        figures["erasure scan"] = F($"{after.Rows} table rows, {after.Blobs} blobs, {logs.Length} logs, {after.Bytes / 1024} KB");
        return
        [
            new DrillCheck("scan sees the person before erasure (name, float32, int8, face pictures, a row keyed by the id)",
                seen.Length == 5 && pictures >= 2 && denied.SnapshotId is not null,
                F($"found {string.Join(", ", seen)} in {before.Remnants.Count} places ({pictures} face pictures: thumbnail + snapshot {denied.Reason})")),
            new DrillCheck("erasure: 0 remnants in tables, blobs (thumbnails, snapshots) and logs", after.Remnants.Count == 0,
                after.Remnants.Count == 0 ? "0" : string.Join("; ", after.Remnants.Take(5))),
            new DrillCheck("erasure: events keep the id, not the name", events.Contains(staffId, StringComparison.Ordinal) && !events.Contains(name, StringComparison.Ordinal),
                events.Contains(name, StringComparison.Ordinal) ? "the name is in /api/events" : "id only"),
        ];
    }

    private static async Task<int> Status(AccessGridClient client, HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        using var response = await client.SendRaw(request, ct);
        return (int)response.StatusCode;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Image(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string JsonText<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options);

    private static string Short(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
