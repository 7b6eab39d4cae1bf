using AccessGrid.Silo;

// Configuration: appsettings.json, environment (ConnectionStrings__AzureStorage, Silo__Clustering, urls …), command line.
try
{
    await AccessGridHost.Build(args).RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Explain(e) is { } reason)
{
    Console.Error.WriteLine($"accessgrid silo: {reason}");
    return 1;
}
