namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>PUT /api/alarms/thresholds/{doorId}</c>; a field left out keeps the default.</summary>
public sealed record AlarmThresholdsRequest(int? UnknownFaces, int? Denials, int? WindowSeconds);
