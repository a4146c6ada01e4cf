-- Bearer tokens, stored as the SHA-256 of their secret.
create table security_api_token (
    id          uuid primary key,
    name        text        not null,
    role        text        not null check (role in ('AGENT', 'ANALYST', 'ADMIN')),
    secret_hash text        not null unique,
    prefix      text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz
);
