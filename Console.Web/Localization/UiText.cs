namespace NicConsole.Web.Localization;

/// <summary>The console's own strings: <c>UiText.resx</c> is Chinese (the default), <c>UiText.en.resx</c> English.</summary>
public sealed class UiText;
