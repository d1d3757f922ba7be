namespace NicConsole.Tests.Web.Api;

/// <summary>The app with two tenants' resources, <see cref="A"/> and <see cref="B"/>, built once for a test class.</summary>
public sealed class TwoTenantsApi : ApiFactory, IAsyncLifetime
{
    public TenantResources A { get; private set; } = null!;

    public TenantResources B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = await this.BuildTenantAsync("a");
        B = await this.BuildTenantAsync("b");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
