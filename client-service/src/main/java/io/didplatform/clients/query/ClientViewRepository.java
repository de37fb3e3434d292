package io.didplatform.clients.query;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientViewRepository extends JpaRepository<ClientView, String> {
}
