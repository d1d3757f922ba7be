using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using NicConsole.Domain.Nics;
using NicConsole.Web.Api;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// DescribeNics by hand, the API part's floor: the same call parsed and its signature checked with the same code
/// (HMAC over the same string), the key found in a dictionary in memory, the time checked, the same two SQL statements
/// EF sends (count, then the page of 50 newest with their VxNet and server names) over plain Microsoft.Data.Sqlite,
/// and the same JSON written with <see cref="Utf8JsonWriter"/>. No rate limiter, no use case, no EF.
/// </summary>
public sealed class ApiFloor(string connectionString)
{
    public const string Path = "/bench/floor";

    /// <summary>Access key id to secret, filled by the bench when it makes its key.</summary>
    public ConcurrentDictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    private const string CountSql = "SELECT COUNT(*) FROM Nics WHERE Zone = $zone AND VxNetId = $vxnet";

    private const string PageSql = """
        SELECT n.Id, n.Name, n.Description, n.Status, n.Transition, n.Role, n.Sequence, n.VxNetId, v.Name, v.Type, v.Subnet,
               n.PrivateIp, n.InstanceId, i.Name, n.Zone, n.Owner, n.JobId, n.LastError, n.CreateTime, n.StatusTime
        FROM Nics AS n
        INNER JOIN VxNets AS v ON n.VxNetId = v.Id
        LEFT JOIN Instances AS i ON n.InstanceId = i.Id
        WHERE n.Zone = $zone AND n.VxNetId = $vxnet
        ORDER BY n.CreateTime DESC, n.Id DESC
        LIMIT $limit OFFSET $offset
        """;

    public async Task HandleAsync(HttpContext http)
    {
        var parameters = IaasParameters.Parse(http.Request.QueryString.Value);
        var keyId = parameters.Optional("access_key_id") ?? "";
        var method = parameters.Optional("signature_method") ?? "";
        if (!Keys.TryGetValue(keyId, out var secret)
            || !SignatureVerifier.Matches(SignatureVerifier.Sign(secret, method, SignatureVerifier.StringToSign("GET", "/iaas/", parameters.Raw)), parameters.Optional("signature") ?? "")
            || !DateTime.TryParseExact(parameters.Optional("time_stamp"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp)
            || Math.Abs((DateTime.UtcNow - stamp).TotalSeconds) > 300)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var zone = parameters.Required("zone");
        var vxnet = parameters.Required("vxnets.1");
        var limit = parameters.Int("limit", 20);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        long total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = CountSql;
            count.Parameters.AddWithValue("$zone", zone);
            count.Parameters.AddWithValue("$vxnet", vxnet);
            total = (long)(await count.ExecuteScalarAsync())!;
        }
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter.AsStream());
        json.WriteStartObject();
        json.WriteStartArray("nic_set");
        await using (var page = connection.CreateCommand())
        {
            page.CommandText = PageSql;
            page.Parameters.AddWithValue("$zone", zone);
            page.Parameters.AddWithValue("$vxnet", vxnet);
            page.Parameters.AddWithValue("$limit", limit);
            page.Parameters.AddWithValue("$offset", 0);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var status = Enum.Parse<NicStatus>(reader.GetString(3));
                var transition = Enum.Parse<NicConsole.Domain.Common.Transition>(reader.GetString(4));
                json.WriteStartObject();
                json.WriteString("nic_id", reader.GetString(0));
                json.WriteString("nic_name", reader.GetString(1));
                json.WriteString("description", reader.GetString(2));
                json.WriteString("status", status.ApiName());
                json.WriteString("transition_status", IaasJson.Transition(transition));
                json.WriteString("instance_id", reader.IsDBNull(12) ? "" : reader.GetString(12));
                json.WriteString("vxnet_id", reader.GetString(7));
                json.WriteString("private_ip", new NicConsole.Domain.VxNets.IpAddress((uint)reader.GetInt64(11)).ToString());
                json.WriteNumber("role", (int)Enum.Parse<NicRole>(reader.GetString(5)));
                json.WriteNumber("sequence", status == NicStatus.InUse && !reader.IsDBNull(6) ? reader.GetInt32(6) : 0);
                json.WriteString("security_group", "");
                json.WriteString("owner", reader.GetString(15));
                json.WriteString("create_time", IaasJson.Time(DateTime.SpecifyKind(reader.GetDateTime(18), DateTimeKind.Utc)));
                json.WriteString("status_time", IaasJson.Time(DateTime.SpecifyKind(reader.GetDateTime(19), DateTimeKind.Utc)));
                json.WriteStartArray("tags");
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteNumber("total_count", total);
        json.WriteString("action", "DescribeNicsResponse");
        json.WriteNumber("ret_code", 0);
        json.WriteEndObject();
    }
}
