package com.companion.ad.inventory;

import com.companion.contracts.ads.Ad;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ads on offer, served in turn. */
@Repository
public class Inventory {

    private final JdbcClient jdbc;

    public Inventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code n}-th ad in rotation, if any is active. */
    public Optional<Ad> pick(long n) {
        List<Ad> active = jdbc.sql("select * from ad where active order by id")
                .query((rs, i) -> new Ad(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("image_url"),
                        rs.getString("click_url")))
                .list();
        return active.isEmpty() ? Optional.empty() : Optional.of(active.get((int) (n % active.size())));
    }

    public Optional<Ad> find(UUID adId) {
        return jdbc.sql("select * from ad where id = :id")
                .param("id", adId)
                .query((rs, i) -> new Ad(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("image_url"),
                        rs.getString("click_url")))
                .optional();
    }
}
