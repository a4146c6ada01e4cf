-- Token scopes: which namespaces and clusters a token's events may come from, and which of
-- ingest and score it may call. Null means unrestricted, so existing tokens keep what they could do.
alter table security_api_token
    add column scope_namespaces text[],
    add column scope_clusters   text[],
    add column scope_operations text[];
