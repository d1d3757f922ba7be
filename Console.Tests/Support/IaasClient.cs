using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NicConsole.Tests.Support;

/// <summary>
/// Signs (<see cref="ClientSigning"/>) and sends API calls the way the official clients do; <see cref="Style"/> picks
/// whose habits to copy.
/// </summary>
public sealed class IaasClient(HttpClient http, string keyId, string secret)
{
    public enum Style
    {
        /// <summary>Python SDK: /iaas/, version=1 and a fresh req_id, no expires.</summary>
        PythonSdk,

        /// <summary>qingcloud CLI: the SDK plus expires = now + 20 minutes.</summary>
        Cli,

        /// <summary>Go SDK: /iaas without the slash, neither version nor req_id.</summary>
        GoSdk,
    }

    public string KeyId => keyId;

    public string Zone { get; set; } = "pek3a";

    public Style Shape { get; set; } = Style.PythonSdk;

    public DateTime Now { get; set; } = DateTime.UtcNow;

    public string? SignatureOverride { get; set; }

    public string? TimeStampOverride { get; set; }

    /// <summary>The req_id to send (the Python SDK and CLI shapes), instead of a fresh one each call.</summary>
    public string? RequestId { get; set; }

    public Task<JsonElement> CallAsync(string action, params (string Name, string Value)[] parameters) =>
        SendAsync(HttpMethod.Get, action, parameters);

    public async Task<JsonElement> SendAsync(HttpMethod method, string action, IEnumerable<(string Name, string Value)> parameters)
    {
        var response = await RawAsync(method, action, parameters);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> RawAsync(HttpMethod method, string action, IEnumerable<(string Name, string Value)> parameters)
    {
        var all = new List<(string Name, string Value)>(parameters) { ("action", action), ("zone", Zone), ("access_key_id", keyId),
            ("signature_method", "HmacSHA256"), ("signature_version", "1"), ("time_stamp", TimeStampOverride ?? ClientSigning.Time(Now)) };
        if (Shape != Style.GoSdk)
        {
            all.Add(("version", "1"));
            all.Add(("req_id", RequestId ?? Guid.NewGuid().ToString("N")));
        }
        if (Shape == Style.Cli)
        {
            all.Add(("expires", ClientSigning.Time(Now.AddMinutes(20))));
        }
        var path = Shape == Style.GoSdk ? "/iaas" : "/iaas/";
        var signed = ClientSigning.SignedQuery(secret, method.Method, path, all, SignatureOverride);
        if (method == HttpMethod.Post)
        {
            var content = new StringContent(signed, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return await http.PostAsync(path, content);
        }
        return await http.GetAsync(path + "?" + signed);
    }

    /// <summary>Follows a job to its end through DescribeJobs, as the SDK's wait_job does; returns its final status.</summary>
    public async Task<string> WaitJobAsync(string jobId, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var status = (await CallAsync("DescribeJobs", ("jobs.1", jobId))).GetProperty("job_set")[0].GetProperty("status").GetString()!;
            if (status is not ("pending" or "working"))
            {
                return status;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"job {jobId} did not finish");
    }
}
