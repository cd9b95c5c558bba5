## Coalitions: the member's bundles, the key custodian, refused bundles
## (crates/app/src/coalition, crates/testimonio/src/commands/coalition.rs)

coalition-joined = Joined coalition { $coalition }. Give the hub's coordinator this member key to admit: { $key }
coalition-shared = Bundle { $number } for coalition { $coalition } written to { $file }: { $people ->
    [one] 1 person
   *[other] { $people } people
}, { $events ->
    [one] 1 event
   *[other] { $events } events
}, { $narratives ->
    [one] 1 narrative
   *[other] { $narratives } narratives
}, { $tokens ->
    [one] 1 match token
   *[other] { $tokens } match tokens
}.
coalition-status = Member of coalition { $coalition } since { $joined }; last bundle: { $number }; member key: { $key }
coalition-status-custodian = Key custodian: { $url }
coalition-status-no-custodian = No key custodian: bundles carry no match tokens.
custodian-initialized = Key custodian ready. Its public key, which members pin when they join: { $key }
custodian-member-added = Member { $name } added with { $budget ->
    [one] 1 evaluation
   *[other] { $budget } evaluations
} a day; its token is in { $file } (it is not shown again).
custodian-serving = Key custodian listening on { $url }

coalition-error-not-joined = This vault has not joined a coalition: run `coalition join` first.
coalition-error-already-joined = This vault is a member of coalition { $coalition } already.
coalition-error-bad-hub-recipient = The hub's key is not an age recipient (age1…).
coalition-error-bad-coalition-id = A coalition or member name is 1 to 64 letters, digits, '-' or '_'.
coalition-error-custodian-incomplete = Give the key custodian's address, public key and token file together.
coalition-error-bad-custodian-key = The key custodian's public key is not 64 hexadecimal digits of a valid key.
coalition-error-custodian-unreachable = The key custodian at { $url } could not be reached or gave no usable answer.
coalition-error-custodian-unauthorized = The key custodian does not know this member's token.
coalition-error-custodian-budget = The key custodian's daily budget of evaluations for this member is spent; try again tomorrow.
coalition-error-custodian-proof = The key custodian's answer does not verify against the public key pinned at join.
coalition-error-custodian-exists = This vault is a key custodian already.
coalition-error-not-a-custodian = This vault is not a key custodian: run `custodian init` first.
coalition-error-member-taken = The key custodian has a member named { $name } already.

bundle-refused-not-for-this-hub = The bundle is not encrypted to this hub.
bundle-refused-not-a-bundle = The file is not a Testimonio bundle.
bundle-refused-version = The bundle is of version { $found }, which this version of Testimonio does not read.
bundle-refused-unknown-member = The bundle is signed by no member of this coalition.
bundle-refused-signature = The bundle's signature does not match its content: it was altered.
bundle-refused-foreign = The bundle is for another coalition.
bundle-refused-not-newer = Bundle { $number } is not newer than bundle { $last }, the member's last one (a replay).
bundle-refused-malformed = The bundle's content is malformed at line { $line }, column { $column }.
bundle-refused-invalid = The bundle's field { $field } holds a value the format does not allow.

cli-value-key = KEY
cli-about-coalition = Coalition membership: share the group's consented, de-identified records with a coalition hub
cli-about-coalition-join = Join a coalition: the hub's key, and the key custodian for private matching
cli-about-coalition-share = Write a signed bundle of the consented, de-identified records, encrypted to the hub
cli-about-coalition-status = Show the coalition this vault is a member of
cli-about-custodian = Key custodian: hold the coalition's matching key, evaluate members' blinded tokens
cli-about-custodian-init = Make the custodian's matching key in this vault (its public key is printed)
cli-about-custodian-add-member = Add a member group: a token to authenticate with and a daily budget
cli-about-custodian-serve = Serve blinded evaluations to members over HTTP
cli-arg-coalition-id = The coalition's id, as the hub's coordinator gave it
cli-arg-coalition-hub = The hub's age recipient (age1…): bundles are encrypted to it
cli-arg-coalition-custodian-url = The key custodian's address (http://host:port)
cli-arg-coalition-custodian-key = The key custodian's public key (64 hexadecimal digits), pinned
cli-arg-coalition-custodian-token-file = File holding this member's token at the key custodian
cli-arg-coalition-share-out = File to write the encrypted bundle to
cli-arg-custodian-member-name = The member group's name at the custodian
cli-arg-custodian-daily-budget = Evaluations the member may ask for per day (UTC)
cli-arg-custodian-token-out = File to write the member's token to (private; give it to the member)
cli-arg-custodian-addr = Address and port to listen on

coalition-created = Coalition { $coalition } created; this vault is its hub. Members join with this hub key: { $recipient }
coalition-invitation = To join coalition { $coalition }, a member runs: testimonio coalition join --coalition { $coalition } --hub { $recipient }
coalition-admitted = Member { $name } admitted.
coalition-received = { $file }: bundle { $number } of { $member } received ({ $people ->
    [one] 1 person
   *[other] { $people } people
}, { $events ->
    [one] 1 event
   *[other] { $events } events
}).
coalition-receive-refused = { $file }: refused, nothing stored: { $reason }
coalition-receive-some-refused = { $count ->
    [one] 1 bundle was refused.
   *[other] { $count } bundles were refused.
}
coalition-hub-status = Coalition { $coalition }: { $members ->
    [one] 1 member
   *[other] { $members } members
}; { $reported } people reported, { $distinct } distinct, { $shared } reported by more than one group; { $flagged } clusters flagged for review.
coalition-error-hub-exists = This vault is the hub of coalition { $coalition } already.
coalition-error-not-a-hub = This vault is not a coalition hub: run `coalition create` first.
cli-about-coalition-create = Create a coalition with this vault as its hub
cli-about-coalition-invite = Show what a member needs to join this hub's coalition
cli-about-coalition-admit = Admit a member group by the key its `coalition join` printed
cli-about-coalition-receive = Receive members' bundles: each checked whole, a refused one stores nothing
cli-arg-coalition-admit-name = The member group's name at the hub
cli-arg-coalition-admit-key = The member's public key (64 hexadecimal digits)
cli-arg-coalition-receive-files = Bundle files to receive
