-- An impression belongs to the ad decision that showed the ad (the counted reply's request id):
-- one 'shown' and one 'clicked' per decision, however often a client posts them.
alter table impression add column decision_id uuid;
create unique index impression_once_per_decision on impression (decision_id, event) where decision_id is not null;
create index counted_reply_shown_ads on counted_reply (session_id, ad_id, counted_at desc) where show_ad;
