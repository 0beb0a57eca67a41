namespace AwsMcpTyped.Suggest;

/// <summary>Where a <see cref="CommandSuggester"/>'s index came from.</summary>
public enum SuggestIndexOrigin
{
    /// <summary>Built from the catalogue in this process (no precomputed index, or one for another catalogue).</summary>
    Built,

    /// <summary>Read from a precomputed index file made at build time for this catalogue.</summary>
    Precomputed,
}
