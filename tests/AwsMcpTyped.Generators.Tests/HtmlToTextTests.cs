using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>botocore documentation HTML → the clean text the CLI's help shows (cases from shared research).</summary>
public sealed class HtmlToTextTests
{
    [Fact]
    public void Paragraphs_code_links_notes_and_warnings()
    {
        const string html = "<note> <p>This operation is not supported for directory buckets.</p> </note> <p>Returns a list of all buckets. " +
            "You must add the <code>s3:ListAllMyBuckets</code> policy action. </p> <p>See <a href=\"https://docs.aws.amazon.com/x.html\">Creating buckets</a>.</p>" +
            " <important> <p>We strongly recommend using only paginated <code>ListBuckets</code> requests.</p> </important>";
        Assert.Equal(
            "Note: This operation is not supported for directory buckets.\n\n" +
            "Returns a list of all buckets. You must add the \"s3:ListAllMyBuckets\" policy action.\n\n" +
            "See Creating buckets.\n\n" +
            "Warning: We strongly recommend using only paginated \"ListBuckets\" requests.",
            HtmlToText.Convert(html));
    }

    [Fact]
    public void Lists_become_bullets_with_nesting()
    {
        const string html = "<p>The filters.</p> <ul> <li> <p> <code>affinity</code> - The affinity.</p> </li> <li><p>outer</p><ul><li>inner</li></ul></li> </ul>";
        Assert.Equal("The filters.\n\n* \"affinity\" - The affinity.\n\n* outer\n\n  * inner", HtmlToText.Convert(html));
    }

    [Fact]
    public void Placeholders_that_look_like_tags_are_text_and_entities_are_decoded()
    {
        Assert.Equal("arn:aws:inspector2:<region>:<account-id>:integration/<uuid> & a > b",
            HtmlToText.Convert("<p>arn:aws:inspector2:<region>:<account-id>:integration/<uuid> &amp; a &gt; b</p>"));
    }

    [Fact]
    public void Editor_junk_is_dropped()
    {
        Assert.Equal("Text.", HtmlToText.Convert("<fullname>Service</fullname><zonbook></zonbook><xhtml></xhtml><?oxy_comment x?><!-- c --><p>Text.</p>"));
    }

    [Fact]
    public void Pre_blocks_stay_verbatim_and_escaped_html_inside_them_is_prose()
    {
        Assert.Equal("Example:\n\n    {\n      \"a\": 1\n    }", HtmlToText.Convert("<p>Example:</p><pre><code>{\n  \"a\": 1\n}</code></pre>"));
        Assert.Equal("Note: Not idempotent.", HtmlToText.Convert("<pre><code>&lt;note&gt; &lt;p&gt;Not idempotent.&lt;/p&gt; &lt;/note&gt;</code></pre>"));
    }

    [Fact]
    public void Empty_and_spaced_code_spans()
    {
        Assert.Equal("Set \"x\" now.", HtmlToText.Convert("<p>Set <code> x </code><code></code> now.</p>"));
    }
}
