namespace AwsMcpTyped.Describe;

/// <summary>Keeps describe pages small enough for an assistant's context: pages over the budget are cut at a
/// line boundary, with a note saying how big the page was and how to drill down.</summary>
public static class PageBudget
{
    /// <summary>About 20 KB of text.</summary>
    public const int DefaultCharacters = 20_000;

    public static string Trim(string page, string drillDown, int budget = DefaultCharacters)
    {
        if (page.Length <= budget)
            return page;
        var cut = page.LastIndexOf('\n', budget - 1);
        if (cut < budget / 2)
            cut = budget;
        return page[..cut].TrimEnd() +
               $"\n\n[Page trimmed: showing {cut:N0} of {page.Length:N0} characters. {drillDown}]\n";
    }
}
