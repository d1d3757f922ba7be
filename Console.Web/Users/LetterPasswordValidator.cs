using Microsoft.AspNetCore.Identity;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

/// <summary>At least one letter: Identity's options can ask for a lower- or upper-case letter, not for any letter.</summary>
public sealed class LetterPasswordValidator : IPasswordValidator<ConsoleUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ConsoleUser> manager, ConsoleUser user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsLetter)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRequiresLetter", Description = "Passwords must have at least one letter." }));
}
