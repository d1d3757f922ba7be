using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Hosts;

namespace NicConsole.Agent;

/// <summary>The agent's only way to the console: its heartbeat, its host's desired state (waited for), and its reports.</summary>
public sealed class ControllerClient
{
    private readonly HttpClient _http;

    public ControllerClient(IOptions<AgentOptions> options)
    {
        var o = options.Value;
        _http = new HttpClient { BaseAddress = new Uri(o.Controller.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(o.WaitSeconds + 30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
    }

    /// <summary>Returns how often the console wants to hear from the agent.</summary>
    public async Task<TimeSpan> HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync("agent/v1/heartbeat", null, cancellationToken);
        await ThrowUnlessOkAsync(response, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(cancellationToken);
        return TimeSpan.FromSeconds(answer is not null && int.TryParse(answer["heartbeat_seconds"].ToString(), out var s) ? s : 5);
    }

    /// <summary>The host's state if it differs from <paramref name="etag"/>, waiting up to <paramref name="wait"/> for it to; null when unchanged.</summary>
    public async Task<(HostDesiredState State, string ETag)?> StateAsync(string? etag, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"agent/v1/state?wait={(int)wait.TotalSeconds}");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return null;
        }
        await ThrowUnlessOkAsync(response, cancellationToken);
        var state = await response.Content.ReadFromJsonAsync<HostDesiredState>(HostDesiredState.Json, cancellationToken)
            ?? throw new InvalidOperationException("the console sent an empty state");
        return (state, response.Headers.ETag?.Tag ?? state.ETag);
    }

    public async Task ReportAsync(AgentReport report, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("agent/v1/report", report, HostDesiredState.Json, cancellationToken);
        await ThrowUnlessOkAsync(response, cancellationToken);
    }

    private static async Task ThrowUnlessOkAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from the console: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
        }
    }
}
