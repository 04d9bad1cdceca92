-- Orders of customers, their lines and status history, the idempotency records of checkout and the outbox
-- of steps that must happen after a commit. Money is integer minor units plus an ISO 4217 currency.

create table orders (
    id          uuid        primary key,
    customer_id text        not null,
    session_id  text        not null,
    status      text        not null check (status in ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    total_amount bigint     not null check (total_amount >= 0),
    currency    char(3)     not null,
    version     integer     not null check (version > 0),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- A customer's orders, newest first (keyset pagination on created_at, id).
create index orders_customer_created on orders (customer_id, created_at desc, id desc);
-- Every order newest first (admin lists, optionally filtered by status).
create index orders_created on orders (created_at desc, id desc);
-- Orders waiting for payment: the admin's work queue and the reconciler's scan; small because orders leave it.
create index orders_pending on orders (created_at desc, id desc) where status = 'PENDING';

create table order_lines (
    order_id    uuid    not null references orders (id) on delete cascade,
    line_no     integer not null check (line_no > 0),
    product_id  text    not null,
    sku         text,
    name        text,
    quantity    integer not null check (quantity > 0),
    unit_amount bigint  not null check (unit_amount >= 0),
    currency    char(3) not null,
    primary key (order_id, line_no)
);

create table order_status_history (
    order_id    uuid        not null references orders (id) on delete cascade,
    version     integer     not null,
    from_status text,
    to_status   text        not null,
    actor       text        not null,
    reason      text,
    changed_at  timestamptz not null,
    primary key (order_id, version)
);

-- One row per (customer, Idempotency-Key). IN_PROGRESS rows are leased to the request running the checkout;
-- COMPLETED rows hold the response that replays return.
create table idempotency_records (
    customer_id     text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    order_id        uuid        not null,
    state           text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    leased_until    timestamptz not null,
    response_status integer,
    response_body   jsonb,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (customer_id, idempotency_key)
);

-- Abandoned checkouts for the reconciler.
create index idempotency_in_progress on idempotency_records (leased_until) where state = 'IN_PROGRESS';
-- Expired records for the purge.
create index idempotency_expiry on idempotency_records (expires_at);

create table outbox (
    id              bigint      generated always as identity primary key,
    order_id        uuid        not null,
    kind            text        not null check (kind in ('COMMIT_RESERVATION', 'RELEASE_RESERVATION', 'CLEAR_CART', 'RELEASE_LOCK', 'REPORT_PURCHASE')),
    payload         jsonb       not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    claim_token     uuid,
    last_error      text,
    created_at      timestamptz not null,
    processed_at    timestamptz
);

-- Due work, oldest first; only pending rows are indexed so the index stays small as rows complete.
create index outbox_due on outbox (next_attempt_at, id) where status = 'PENDING';
-- The rows of one order (processed right after the order's own transaction).
create index outbox_order on outbox (order_id) where status = 'PENDING';
