using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>Store reads for the gateway, local to the silo that received the request.</summary>
[StatelessWorker, Reentrant]
public sealed class FaceImagesGrain(IFaceImageStore images) : Grain, IFaceImagesGrain
{
    public async ValueTask<byte[]?> GetSnapshot(string eventId) => await images.GetSnapshot(eventId ?? "");

    public async ValueTask<byte[]?> GetThumbnail(string staffId, Guid templateId) =>
        Ids.IsValid(staffId) ? await images.GetThumbnail(staffId, templateId) : null;
}
