namespace NicConsole.Domain.Common;

public class Result
{
    protected Result(DomainError? error) => Error = error;

    public DomainError? Error { get; }

    public bool Succeeded => Error is null;

    public static Result Success() => new(null);

    public static implicit operator Result(DomainError error) => new(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(null) => _value = value;

    private Result(DomainError error) : base(error) { }

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static Result<T> Success(T value) => new(value);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(DomainError error) => new(error);
}
