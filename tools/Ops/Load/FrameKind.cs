namespace AccessGrid.Ops.Load;

/// <summary>What a load frame shows, and so which decision it should get.</summary>
public enum FrameKind
{
    /// <summary>An enrolled person with a grant for every load door: expect granted.</summary>
    Enrolled,
    /// <summary>A person nobody enrolled: expect denied, unknown_face.</summary>
    Unknown,
    /// <summary>No face at all: expect denied, no_face.</summary>
    NoFace,
}
