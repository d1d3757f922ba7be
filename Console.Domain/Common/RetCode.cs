namespace NicConsole.Domain.Common;

/// <summary>The API's ret_code values that domain refusals map to.</summary>
public enum RetCode
{
    Success = 0,
    InvalidParameter = 1100,
    AuthFailure = 1200,
    RequestExpired = 1300,
    PermissionDenied = 1400,
    ResourceNotFound = 2100,
    ResourceAlreadyExists = 2110,
    QuotaExceeded = 2500,
    InternalError = 5000,
    ServerBusy = 5100,
}
