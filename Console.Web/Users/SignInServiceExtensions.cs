using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

public static class SignInServiceExtensions
{
    /// <summary>
    /// Users on the console's database through Identity (password rules, lockout, the role and tenant claims) and
    /// <see cref="UserService"/>; no cookies, so the command line and component tests can use it too.
    /// </summary>
    public static IServiceCollection AddConsoleUsers(this IServiceCollection services)
    {
        // Identity's store and the key ring take a context from the scope; it comes from the provider's factory.
        services.TryAddScoped<ConsoleDbContext>(sp => sp.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContext());
        services.AddIdentityCore<ConsoleUser>(o =>
            {
                o.Password.RequiredLength = Passwords.MinimumLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ConsoleDbContext>()
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddClaimsPrincipalFactory<ConsoleClaimsPrincipalFactory>()
            .AddSignInManager();
        services.TryAddSingleton<UserService>();
        return services;
    }

    /// <summary>
    /// Cookie sign-in for the console: every page but sign-in and setup needs a user, a circuit checks its user every
    /// minute, and the data-protection key ring (cookies, antiforgery, API secrets) lives in the database for every node,
    /// encrypted at rest with the certificate <c>DataProtection:Certificate</c> names, when it names one.
    /// </summary>
    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsoleUsers();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".NicConsole.SignIn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/login";
            o.LogoutPath = AccountEndpoints.LogoutPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A signed-in user without the role a page needs sees the not-found page, as for a page that is not there.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidatingUserStateProvider.Interval);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddScoped<CircuitHandler, OperatorCircuitHandler>();
        services.AddSingleton<SetupToken>();
        services.AddHostedService<FirstRunNotice>();
        var keyRing = services.AddDataProtection()
            .SetApplicationName("NicConsole")
            .PersistKeysToDbContext<ConsoleDbContext>();
        if (configuration["DataProtection:Certificate"] is { Length: > 0 } certificate)
        {
            // Without it the keys sit in the database in the clear, next to the API secrets they protect.
            keyRing.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        }
        return services;
    }
}
