-- The vault's signing key: an Ed25519 key pair in minisign's format, made
-- on first use, that signs what the vault exports (a packet bag's tag
-- manifest). The secret half lives only here, inside the encrypted
-- database; the public half is printed by `testimonio vault signing-key`
-- and shipped in each bag as minisign.pub.
CREATE TABLE signing_keys (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    key_id      TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    secret_key  BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;
