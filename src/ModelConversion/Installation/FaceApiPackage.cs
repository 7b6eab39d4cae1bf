namespace AccessGrid.ModelConversion.Installation;

/// <summary>The pinned npm package the weights come from: fetched with `npm pack`, checked against its integrity.</summary>
public static class FaceApiPackage
{
    public const string Name = "@vladmandic/face-api";
    public const string Version = "1.7.15";
    public const string Integrity = "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==";

    /// <summary>The file name npm pack gives a scoped package: scope and name joined by '-'.</summary>
    public const string TarballFile = "vladmandic-face-api-1.7.15.tgz";

    public static NpmPackage Package { get; } = new(Name, Version, Integrity, TarballFile);

    /// <summary>Returns a verified tarball in <paramref name="destination"/>, reusing one already there.</summary>
    public static Task<string> FetchAsync(string destination, CancellationToken ct) => Package.FetchAsync(destination, ct);
}
