"""A vote by name is a NamedVote (glossary: navneopråb), not a Ballot (which reads as a secret ballot)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_outgoing_mail_moved_to_core"),
        ("membership", "0003_nomination_withdrawal"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="ballot", name="ballot_unique"),
        migrations.RenameModel(old_name="Ballot", new_name="NamedVote"),
        migrations.AlterField(
            model_name="namedvote",
            name="vote",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="named_votes", to="meetings.vote"
            ),
        ),
        migrations.AddConstraint(
            model_name="namedvote",
            constraint=models.UniqueConstraint(fields=("vote", "membership"), name="named_vote_unique"),
        ),
    ]
