using AccessGrid.Silo;

// Configuration: appsettings.json, environment (ConnectionStrings__AzureStorage, Silo__Clustering, urls …), command line.
await AccessGridHost.Build(args).RunAsync();
