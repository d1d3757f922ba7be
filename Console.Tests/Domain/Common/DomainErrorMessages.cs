using System.Globalization;
using System.Reflection;

namespace NicConsole.Tests.Domain.Common;

public class DomainErrorMessages
{
    public static TheoryData<string> Errors()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(DomainErrors).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add(method.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void EveryErrorHasAnEnglishAndAChineseMessage(string name)
    {
        var method = typeof(DomainErrors).GetMethod(name)!;
        var args = method.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
        var error = (DomainError)method.Invoke(null, args)!;

        var english = error.Message(CultureInfo.GetCultureInfo("en-US"));
        var chinese = error.Message(CultureInfo.GetCultureInfo("zh-CN"));

        english.ShouldNotBeNullOrWhiteSpace();
        chinese.ShouldNotBe(english);
        chinese.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
        english.ShouldNotContain("{");
        error.ApiMessage.ShouldStartWith(error.Code + ", ");
    }

    private static object Sample(Type type) => type switch
    {
        _ when type == typeof(int) => 7,
        _ when type == typeof(IpAddress) => IpAddress.Parse("172.16.1.7"),
        _ when type == typeof(Cidr) => Cidr.Parse("172.16.1.0/24"),
        _ when type == typeof(AddressRole) => AddressRole.Gateway,
        _ when type == typeof(DateTime) => new DateTime(2026, 11, 28, 10, 0, 30, DateTimeKind.Utc),
        _ => "x-1",
    };
}
