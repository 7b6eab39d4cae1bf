namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>POST /api/alarms/{alarmId}/acknowledge</c>: what the guard found or did.</summary>
public sealed record AcknowledgeAlarmRequest(string? Note);
