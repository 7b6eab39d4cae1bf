namespace AccessGrid.Grains;

/// <summary>Outcome of one enrollment attempt.</summary>
/// <param name="Template">The new template when accepted.</param>
/// <param name="Rejection">Why not, when rejected.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="ConflictingStaffId">For <see cref="EnrollmentRejection.AlreadyEnrolledAsOther"/>: who it matched.</param>
/// <param name="TemplateCount">Templates the person holds after this attempt.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.EnrollmentResult")]
public sealed record EnrollmentResult(
    [property: Id(0)] TemplateSummary? Template,
    [property: Id(1)] EnrollmentRejection? Rejection,
    [property: Id(2)] string Message,
    [property: Id(3)] string? ConflictingStaffId,
    [property: Id(4)] int TemplateCount)
{
    public bool Accepted => Template is not null;

    public static EnrollmentResult Rejected(EnrollmentRejection why, string message, int templateCount, string? conflictingStaffId = null) =>
        new(null, why, message, conflictingStaffId, templateCount);
}
