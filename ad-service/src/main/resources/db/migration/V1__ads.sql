-- Assistant replies counted per session, once per request.
create table session_counter (
    session_id   uuid primary key,
    user_id      uuid        not null,
    replies      bigint      not null default 0,
    last_show_ad boolean     not null default false,
    last_ad_id   uuid,
    updated_at   timestamptz not null default now()
);

create table counted_reply (
    request_id uuid primary key,
    session_id uuid        not null,
    ad_counter bigint      not null,
    show_ad    boolean     not null,
    ad_id      uuid,
    counted_at timestamptz not null default now()
);

create table ad (
    id         uuid primary key,
    title      text    not null,
    body       text    not null,
    image_url  text    not null,
    click_url  text    not null,
    active     boolean not null default true,
    weight     int     not null default 1
);

create table impression (
    id          bigserial primary key,
    ad_id       uuid        not null references ad (id),
    session_id  uuid        not null,
    user_id     uuid        not null,
    event       text        not null,
    recorded_at timestamptz not null default now()
);
create index impression_by_ad on impression (ad_id, recorded_at);

insert into ad (id, title, body, image_url, click_url) values
('5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a01', 'Go Premium', 'No ads, longer memories, priority replies.', 'https://cdn.companion.example/ads/premium.png', 'https://companion.example/premium'),
('5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a02', 'Learn a language', 'Practice Spanish with a friendly tutor, 10 minutes a day.', 'https://cdn.companion.example/ads/language.png', 'https://ads.example/language'),
('5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a03', 'Mindful minutes', 'A calm breathing exercise before bed.', 'https://cdn.companion.example/ads/mindful.png', 'https://ads.example/mindful'),
('5b8f6c1e-0d7a-4f3e-9a61-1c2d3e4f5a04', 'Book club', 'Join readers who talk about one book a month.', 'https://cdn.companion.example/ads/books.png', 'https://ads.example/books');
