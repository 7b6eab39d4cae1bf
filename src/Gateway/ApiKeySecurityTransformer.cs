using AccessGrid.Gateway.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccessGrid.Gateway;

/// <summary>Declares the X-Api-Key header in the OpenAPI document so the reference page can send it.</summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "AccessGrid API";
        document.Info.Description = "Face-recognition door access: doors, staff, enrollment, grants, decisions and the audit log. "
            + "Every call needs an X-Api-Key header; roles: admin, hr, guard, reader (bound to one door).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key from POST /api/keys (the first admin key is printed by the silo on first start).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
