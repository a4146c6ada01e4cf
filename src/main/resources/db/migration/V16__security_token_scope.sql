-- Token scopes: which namespaces and clusters a token's events may come from, and which of
-- ingest and score it may call. Null means unrestricted, so existing tokens keep what they could do;
-- a list, when present, names at least one value.
alter table security_api_token
    add column scope_namespaces text[],
    add column scope_clusters   text[],
    add column scope_operations text[],
    add constraint security_api_token_scope_operations_known
        check (scope_operations <@ array['INGEST', 'SCORE']::text[]),
    add constraint security_api_token_scope_lists_not_empty
        check (cardinality(scope_namespaces) > 0 and cardinality(scope_clusters) > 0
               and cardinality(scope_operations) > 0);
