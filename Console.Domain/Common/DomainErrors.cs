using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Common;

/// <summary>Every refusal the domain gives, with its ret_code; messages are in DomainErrorMessages(.zh-CN).resx.</summary>
public static class DomainErrors
{
    public static DomainError NameTooLong(int max) => new(RetCode.InvalidParameter, nameof(NameTooLong), max);

    public static DomainError DescriptionTooLong(int max) => new(RetCode.InvalidParameter, nameof(DescriptionTooLong), max);

    public static DomainError Required(string parameter) => new(RetCode.InvalidParameter, nameof(Required), parameter);

    public static DomainError InvalidValue(string parameter, string value) => new(RetCode.InvalidParameter, nameof(InvalidValue), parameter, value);

    public static DomainError InvalidCount(int min, int max) => new(RetCode.InvalidParameter, nameof(InvalidCount), min, max);

    public static DomainError InvalidIp(string text) => new(RetCode.InvalidParameter, nameof(InvalidIp), text);

    public static DomainError InvalidSubnet(string text) => new(RetCode.InvalidParameter, nameof(InvalidSubnet), text);

    public static DomainError VpcRangeNotAllowed(string text) => new(RetCode.InvalidParameter, nameof(VpcRangeNotAllowed), text);

    public static DomainError SubnetOutsideVpc(Cidr subnet, Cidr range) => new(RetCode.InvalidParameter, nameof(SubnetOutsideVpc), subnet, range);

    public static DomainError SubnetOverlaps(Cidr subnet, string vxNetId) => new(RetCode.ResourceAlreadyExists, nameof(SubnetOverlaps), subnet, vxNetId);

    public static DomainError InvalidGateway(string gateway, Cidr subnet) => new(RetCode.InvalidParameter, nameof(InvalidGateway), gateway, subnet);

    public static DomainError InvalidDhcpRange(string start, string end, Cidr subnet) => new(RetCode.InvalidParameter, nameof(InvalidDhcpRange), start, end, subnet);

    public static DomainError InvalidFeatures(int value) => new(RetCode.InvalidParameter, nameof(InvalidFeatures), value);

    public static DomainError IpOutsideSubnet(IpAddress ip, Cidr subnet) => new(RetCode.InvalidParameter, nameof(IpOutsideSubnet), ip, subnet);

    public static DomainError IpReservedNetwork(IpAddress ip) => new(RetCode.InvalidParameter, nameof(IpReservedNetwork), ip);

    public static DomainError IpReservedGateway(IpAddress ip) => new(RetCode.InvalidParameter, nameof(IpReservedGateway), ip);

    public static DomainError IpReservedPlatform(IpAddress ip) => new(RetCode.InvalidParameter, nameof(IpReservedPlatform), ip);

    public static DomainError IpReservedBroadcast(IpAddress ip) => new(RetCode.InvalidParameter, nameof(IpReservedBroadcast), ip);

    public static DomainError IpInUse(IpAddress ip, string vxNetId) => new(RetCode.ResourceAlreadyExists, nameof(IpInUse), ip, vxNetId);

    public static DomainError IpRepeated(IpAddress ip) => new(RetCode.InvalidParameter, nameof(IpRepeated), ip);

    public static DomainError IpCountMismatch(int ips, int count) => new(RetCode.InvalidParameter, nameof(IpCountMismatch), ips, count);

    public static DomainError DuplicateId(string id) => new(RetCode.InvalidParameter, nameof(DuplicateId), id);

    public static DomainError UnknownZone(string zone) => new(RetCode.InvalidParameter, nameof(UnknownZone), zone);

    public static DomainError DifferentZone(string id, string zone, string expected) => new(RetCode.PermissionDenied, nameof(DifferentZone), id, zone, expected);

    public static DomainError PinnedIpNeedsOneServer() => new(RetCode.InvalidParameter, nameof(PinnedIpNeedsOneServer));

    public static DomainError InvalidPage() => new(RetCode.InvalidParameter, nameof(InvalidPage));

    public static DomainError InvalidSort(string field) => new(RetCode.InvalidParameter, nameof(InvalidSort), field);

    public static DomainError NicNotFound(string id) => new(RetCode.ResourceNotFound, nameof(NicNotFound), id);

    public static DomainError VxNetNotFound(string id) => new(RetCode.ResourceNotFound, nameof(VxNetNotFound), id);

    public static DomainError VpcNotFound(string id) => new(RetCode.ResourceNotFound, nameof(VpcNotFound), id);

    public static DomainError InstanceNotFound(string id) => new(RetCode.ResourceNotFound, nameof(InstanceNotFound), id);

    public static DomainError AccessKeyNotFound(string id) => new(RetCode.ResourceNotFound, nameof(AccessKeyNotFound), id);

    public static DomainError JobNotFound(string id) => new(RetCode.ResourceNotFound, nameof(JobNotFound), id);

    public static DomainError JobEnded(string id, string state) => new(RetCode.PermissionDenied, nameof(JobEnded), id, state);

    public static DomainError JobNotStuck(string id, string state, int seconds, int limit) => new(RetCode.PermissionDenied, nameof(JobNotStuck), id, state, seconds, limit);

    public static DomainError JobHeld(string id, string node, DateTime leaseUntil) => new(RetCode.PermissionDenied, nameof(JobHeld), id, node, leaseUntil);

    public static DomainError BasicNetworkFixed() => new(RetCode.PermissionDenied, nameof(BasicNetworkFixed));

    public static DomainError BasicNetworkNoSecondary() => new(RetCode.PermissionDenied, nameof(BasicNetworkNoSecondary));

    public static DomainError SelfManagedCannotJoin(string id) => new(RetCode.PermissionDenied, nameof(SelfManagedCannotJoin), id);

    public static DomainError VxNetNotInVpc(string id) => new(RetCode.PermissionDenied, nameof(VxNetNotInVpc), id);

    public static DomainError VxNetAlreadyInVpc(string id, string vpcId) => new(RetCode.PermissionDenied, nameof(VxNetAlreadyInVpc), id, vpcId);

    public static DomainError VxNetNotInThisVpc(string id, string vpcId) => new(RetCode.PermissionDenied, nameof(VxNetNotInThisVpc), id, vpcId);

    public static DomainError VxNetHasNics(string id, int nics) => new(RetCode.PermissionDenied, nameof(VxNetHasNics), id, nics);

    public static DomainError VxNetBusy(string id, string state) => new(RetCode.PermissionDenied, nameof(VxNetBusy), id, state);

    public static DomainError VpcNotActive(string id, string state) => new(RetCode.PermissionDenied, nameof(VpcNotActive), id, state);

    public static DomainError VpcHasVxNets(string id, int vxNets) => new(RetCode.PermissionDenied, nameof(VpcHasVxNets), id, vxNets);

    public static DomainError NicNotAvailable(string id, string state) => new(RetCode.PermissionDenied, nameof(NicNotAvailable), id, state);

    public static DomainError NicNotInUse(string id, string state) => new(RetCode.PermissionDenied, nameof(NicNotInUse), id, state);

    public static DomainError NicIsPrimary(string id, string instanceId) => new(RetCode.PermissionDenied, nameof(NicIsPrimary), id, instanceId);

    public static DomainError ServerNotRunning(string id, string state) => new(RetCode.PermissionDenied, nameof(ServerNotRunning), id, state);

    public static DomainError ServerNotStopped(string id, string state) => new(RetCode.PermissionDenied, nameof(ServerNotStopped), id, state);

    public static DomainError ServerBusy(string id, string state) => new(RetCode.PermissionDenied, nameof(ServerBusy), id, state);

    public static DomainError VxNetFull(string id, int used, int adding) => new(RetCode.QuotaExceeded, nameof(VxNetFull), id, used, adding);

    public static DomainError ServerFull(string id, int used, int adding) => new(RetCode.QuotaExceeded, nameof(ServerFull), id, used, adding);

    public static DomainError RequestTooLarge(int max) => new(RetCode.InvalidParameter, nameof(RequestTooLarge), max);

    public static DomainError DataPlaneFull(int max, int placed, int adding) => new(RetCode.QuotaExceeded, nameof(DataPlaneFull), max, placed, adding);

    public static DomainError TooManyNetworks(int count) => new(RetCode.QuotaExceeded, nameof(TooManyNetworks), count);

    public static DomainError SignatureMismatch() => new(RetCode.AuthFailure, nameof(SignatureMismatch));

    public static DomainError UnknownAccessKey(string id) => new(RetCode.AuthFailure, nameof(UnknownAccessKey), id);

    public static DomainError MissingCredential(string parameter) => new(RetCode.AuthFailure, nameof(MissingCredential), parameter);

    public static DomainError UnsupportedSignature(string parameter, string value) => new(RetCode.AuthFailure, nameof(UnsupportedSignature), parameter, value);

    public static DomainError RequestExpired(string expires) => new(RetCode.RequestExpired, nameof(RequestExpired), expires);

    public static DomainError ClockSkew(string timeStamp, int seconds) => new(RetCode.RequestExpired, nameof(ClockSkew), timeStamp, seconds);

    public static DomainError UnknownAction(string action) => new(RetCode.InvalidParameter, nameof(UnknownAction), action);

    public static DomainError DuplicateParameter(string parameter) => new(RetCode.InvalidParameter, nameof(DuplicateParameter), parameter);

    public static DomainError Internal() => new(RetCode.InternalError, nameof(Internal));

    public static DomainError Busy() => new(RetCode.ServerBusy, nameof(Busy));

    public static DomainError IpReserved(IpAddress ip, AddressRole role) => new(RetCode.InvalidParameter, "IpReserved" + role, ip);

    /// <summary>A Viewer asked for a change: only Operators and Admins change resources.</summary>
    public static DomainError ReadOnlyRole(string user) => new(RetCode.PermissionDenied, nameof(ReadOnlyRole), user);

    /// <summary>Only an Admin may do this (users, other users' keys).</summary>
    public static DomainError AdminOnly(string user) => new(RetCode.PermissionDenied, nameof(AdminOnly), user);

    /// <summary>A change request whose signature was already received within its time window: a replay.</summary>
    public static DomainError RequestIdReused(string requestId) => new(RetCode.InvalidParameter, nameof(RequestIdReused), requestId);

    public static DomainError RequestInProgress(string requestId) => new(RetCode.ServerBusy, nameof(RequestInProgress), requestId);

    /// <summary>An expires further ahead than the server keeps a replay record for.</summary>
    public static DomainError ExpiresTooFar(string expires, int seconds) => new(RetCode.InvalidParameter, nameof(ExpiresTooFar), expires, seconds);

    /// <summary>Too many calls for one access key (or one address without a valid key); nothing was done.</summary>
    public static DomainError Throttled(int retryAfterSeconds) => new(RetCode.ServerBusy, nameof(Throttled), retryAfterSeconds);

    /// <summary>Stored text longer than its column allows (names and descriptions have their own errors).</summary>
    public static DomainError ValueTooLong(string parameter, int max) => new(RetCode.InvalidParameter, nameof(ValueTooLong), parameter, max);

    /// <summary>The resources of one change must belong to one tenant (only an Admin, who sees every tenant, can ask otherwise).</summary>
    public static DomainError TenantMismatch(string id, string tenant, string expected) => new(RetCode.InvalidParameter, nameof(TenantMismatch), id, tenant, expected);

    /// <summary>A key whose user was deleted or is locked: it authenticates nobody.</summary>
    public static DomainError AccessKeyUserInactive(string id, string user) => new(RetCode.AuthFailure, nameof(AccessKeyUserInactive), id, user);

    public static DomainError UserNotFound(string name) => new(RetCode.ResourceNotFound, nameof(UserNotFound), name);

    public static DomainError UserExists(string name) => new(RetCode.ResourceAlreadyExists, nameof(UserExists), name);

    /// <summary>An Admin may not lock, demote or move themselves: the console would lose its way in.</summary>
    public static DomainError OwnAccount(string user) => new(RetCode.PermissionDenied, nameof(OwnAccount), user);

    /// <summary>Identity refused a name or password; the detail is Identity's own description.</summary>
    public static DomainError UserRejected(string detail) => new(RetCode.InvalidParameter, nameof(UserRejected), detail);

    /// <summary>A connectivity check may ping only a host of the server's networks: not loopback, this host, link-local, multicast, a network or broadcast address.</summary>
    public static DomainError ConnectivityTargetNotAllowed(string target) => new(RetCode.InvalidParameter, nameof(ConnectivityTargetNotAllowed), target);

    /// <summary>A connectivity check's target outside the server's networks (its VxNets' subnets and their VPCs' ranges).</summary>
    public static DomainError ConnectivityTargetOutside(string target, string networks) => new(RetCode.InvalidParameter, nameof(ConnectivityTargetOutside), target, networks);

    /// <summary>The data plane cannot look inside servers here (e.g. it is simulated); the detail is the probe's own reason.</summary>
    public static DomainError GuestProbeUnavailable(string reason) => new(RetCode.PermissionDenied, nameof(GuestProbeUnavailable), reason);

    public static DomainError GuestOnOtherHost(string instanceId, string host) => new(RetCode.PermissionDenied, nameof(GuestOnOtherHost), instanceId, host);

    /// <summary><see cref="GuestOnOtherHost"/> for someone who is not to see hosts (not an Admin).</summary>
    public static DomainError GuestOnAnotherHost(string instanceId) => new(RetCode.PermissionDenied, nameof(GuestOnAnotherHost), instanceId);

    public static DomainError HostNotFound(string name) => new(RetCode.ResourceNotFound, nameof(HostNotFound), name);

    public static DomainError HostExists(string name) => new(RetCode.ResourceAlreadyExists, nameof(HostExists), name);

    public static DomainError InvalidHostName(string name, int max) => new(RetCode.InvalidParameter, nameof(InvalidHostName), name, max);

    public static DomainError UnderlayInUse(string underlay, string host) => new(RetCode.ResourceAlreadyExists, nameof(UnderlayInUse), underlay, host);

    public static DomainError HostOffline(string name) => new(RetCode.PermissionDenied, nameof(HostOffline), name);

    public static DomainError HostDraining(string name) => new(RetCode.PermissionDenied, nameof(HostDraining), name);

    public static DomainError HostFull(string name, string what, int used, int max) => new(RetCode.QuotaExceeded, nameof(HostFull), name, what, used, max);

    public static DomainError HostInOtherZone(string name, string zone, string expected) => new(RetCode.PermissionDenied, nameof(HostInOtherZone), name, zone, expected);

    public static DomainError NoHostAvailable(string zone, string reasons) => new(RetCode.QuotaExceeded, nameof(NoHostAvailable), zone, reasons);

    public static DomainError HostNotEmpty(string name, int servers) => new(RetCode.PermissionDenied, nameof(HostNotEmpty), name, servers);

    public static DomainError VniSpaceUsed(int max) => new(RetCode.QuotaExceeded, nameof(VniSpaceUsed), max);
}
