using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Effects;

namespace AwsMcpTyped.Tests.Execution.Effects;

/// <summary>The data file names real commands, options and languages.</summary>
public sealed class EffectRulesTests
{
    [Fact]
    public void Every_rule_names_a_catalogue_command_option_and_a_language()
    {
        var rules = EffectRules.Default;
        foreach (var rule in rules.Commands)
        {
            var parts = rule.Command.Split(' ', 2);
            var command = AwsCatalogue.Default.FindCommand(parts[0], parts[1]);
            Assert.True(command is not null, rule.Command);
            Assert.True(command!.FindArgument(rule.Option) is not null, $"{rule.Command} {rule.Option}");
            Assert.True(rules.Languages.ContainsKey(rule.Language), rule.Language);
            Assert.Contains(rule.Shape, new[] { "string", "strings", "structures", "document" });
        }
        foreach (var name in rules.S3.Keys)
            Assert.NotNull(AwsCatalogue.Default.FindCommand("s3", name));
    }

    [Fact]
    public void Unknown_is_the_strictest_class_of_each_language()
    {
        foreach (var (name, language) in EffectRules.Default.Languages)
        {
            foreach (var word in language.Words.Values)
                Assert.True(Strictness.Rank(word.Access ?? AccessClass.Read) <= Strictness.Rank(language.Unknown.Access!.Value), name);
            Assert.True(language.Words.Values.SelectMany(w => w.Actions).All(language.Unknown.Actions.Contains), $"{name}: unknown must include every action");
        }
    }
}
