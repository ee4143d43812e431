namespace ContactHub.Channels.Email.Html;

/// <summary>What the sanitiser does with one source element.</summary>
internal enum ElementAction
{
    /// <summary>Copy the element (with filtered attributes) and its children.</summary>
    Keep,

    /// <summary>Drop the element but keep its children in its place.</summary>
    Unwrap,

    /// <summary>Drop the element and everything inside it.</summary>
    Remove,

    /// <summary>Turn a legacy <c>font</c> into a <c>span</c> with an equivalent, filtered style.</summary>
    ConvertFont,
}
