-- One database per service (run once by the postgres image on an empty data volume).
CREATE DATABASE companion_auth;
CREATE DATABASE companion_character;
CREATE DATABASE companion_chat;
CREATE DATABASE companion_media;
CREATE DATABASE companion_ad;
