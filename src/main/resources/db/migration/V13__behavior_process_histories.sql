-- Per live process of a tracked container: its parent's executable and its own last tokens, by pid
-- ({"42": {"parent": "/usr/sbin/nginx", "recent": ["accept tcp/80", "read /var/www/*"]}}), so that
-- the transition model (encoding version 3) sees which process acted and what it did just before.
-- Rows written before this column hold none; their processes get a history as they act again.
alter table behavior_container_state add column histories jsonb not null default '{}';
