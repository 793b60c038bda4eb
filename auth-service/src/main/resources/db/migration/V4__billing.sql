-- A user's Stripe customer and subscription, as the last applied webhook left them. The plan
-- itself stays on users.plan (changed like an admin change, with UserUpdated).
create table billing_subscription (
    user_id             uuid        primary key references users (id) on delete cascade,
    customer_id         text        unique,
    subscription_id     text,
    status              text        not null,
    renews_at           timestamptz,
    -- Stripe's created time of the last applied event: an older one, delivered late, changes nothing
    last_event_at       timestamptz not null,
    updated_at          timestamptz not null
);

-- Stripe events applied, by event id: a redelivered event is recognised and changes nothing.
create table billing_event (
    event_id    text        primary key,
    event_type  text        not null,
    received_at timestamptz not null
);
