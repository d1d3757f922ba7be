using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Nics.Store;

public sealed class NicsReducer : ListReducer<NicsState, NicView, NicQuery>;
