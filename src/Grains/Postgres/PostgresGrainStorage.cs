using Npgsql;
using Orleans.Storage;

namespace AccessGrid.Grains.Postgres;

/// <summary>Grain state in one PostgreSQL table, serialised by the silo's grain-storage serializer (as in Azure Table
/// storage). The ETag is a version column: a write names the version it read and fails with
/// <see cref="InconsistentStateException"/> when another writer moved it, like an Azure Table ETag.</summary>
public sealed class PostgresGrainStorage(string name, NpgsqlDataSource database, IGrainStorageSerializer serializer) : IGrainStorage
{
    // Activation reads state outside any grain call, so the call filter cannot translate an outage there: do it here.
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Outages(Read(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Outages(Write(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Outages(Clear(stateName, grainId, grainState));

    private static Task Outages(Task operation) => PostgresFailureFilter.Translate(AsValue(operation));

    private static async Task<bool> AsValue(Task operation)
    {
        await operation;
        return true;
    }

    private async Task Read<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var read = database.CreateCommand("select version, data from grain_state where state_name = $1 and grain_id = $2");
        read.Parameters.Add(new() { Value = Key(stateName) });
        read.Parameters.Add(new() { Value = grainId.ToString() });
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.ETag = reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.State = serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(1)));
        grainState.RecordExists = true;
    }

    private async Task Write<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State).ToArray();
        await using var write = grainState.ETag is null
            ? database.CreateCommand("insert into grain_state (state_name, grain_id, version, data) values ($1, $2, 1, $3) on conflict do nothing returning version")
            : database.CreateCommand("update grain_state set version = version + 1, data = $3 where state_name = $1 and grain_id = $2 and version = $4 returning version");
        write.Parameters.Add(new() { Value = Key(stateName) });
        write.Parameters.Add(new() { Value = grainId.ToString() });
        write.Parameters.Add(new() { Value = data });
        if (grainState.ETag is not null) write.Parameters.Add(new() { Value = int.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture) });
        var version = await write.ExecuteScalarAsync()
            ?? throw new InconsistentStateException($"State {stateName} of {grainId} was changed by another writer.", grainState.ETag ?? "(none)", "(moved)");
        grainState.ETag = Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    private async Task Clear<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            await using var delete = database.CreateCommand("delete from grain_state where state_name = $1 and grain_id = $2 and version = $3");
            delete.Parameters.Add(new() { Value = Key(stateName) });
            delete.Parameters.Add(new() { Value = grainId.ToString() });
            delete.Parameters.Add(new() { Value = int.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture) });
            if (await delete.ExecuteNonQueryAsync() == 0)
                throw new InconsistentStateException($"State {stateName} of {grainId} was changed by another writer.", grainState.ETag, "(moved)");
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    // The provider's name keeps two providers' states with the same state name apart.
    private string Key(string stateName) => $"{name}/{stateName}";
}
