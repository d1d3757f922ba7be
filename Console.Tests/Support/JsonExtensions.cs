using System.Text.Json;

namespace NicConsole.Tests.Support;

public static class JsonExtensions
{
    public static int RetCode(this JsonElement reply) => reply.GetProperty("ret_code").GetInt32();

    public static JsonElement Succeeded(this JsonElement reply)
    {
        reply.RetCode().ShouldBe(0, reply.ToString());
        return reply;
    }

    public static JsonElement Refused(this JsonElement reply, int code)
    {
        reply.RetCode().ShouldBe(code, reply.ToString());
        reply.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        return reply;
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static IReadOnlyList<string> Strings(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    public static IReadOnlyList<JsonElement> Set(this JsonElement element, string name) => element.GetProperty(name).EnumerateArray().ToList();
}
