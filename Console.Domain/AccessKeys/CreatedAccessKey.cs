namespace NicConsole.Domain.AccessKeys;

/// <summary>A new key pair: the only time the secret is given out.</summary>
public sealed record CreatedAccessKey(string AccessKeyId, string SecretAccessKey);
