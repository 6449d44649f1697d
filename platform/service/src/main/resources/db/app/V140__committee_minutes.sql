-- Committee minutes in the policy's terms (issue 18): where the policy seats the committee, members
-- holds who attended (not only who voted), and the decision keeps the voting rule it followed and who
-- chaired. Both stay null on decisions taken without committee settings. Same table, same RLS policy.
alter table app.request_decision
    add column voting_rule text check (voting_rule in ('majority-of-present', 'unanimity')),
    add column chair       text;
