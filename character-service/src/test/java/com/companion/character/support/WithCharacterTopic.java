package com.companion.character.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An integration test driving the API that also reads what reached the characters topic: the API
 * client, test users, an adult owner, and a probe on the topic for the life of the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WithCharacterTopic {

    @Autowired
    protected Api api;

    @Autowired
    protected Users users;

    protected CharacterTopic topic;
    protected TestUser owner;

    @BeforeAll
    void openTopicProbe() {
        topic = new CharacterTopic();
        owner = users.adult();
    }

    @AfterAll
    void closeTopicProbe() {
        topic.close();
    }
}
