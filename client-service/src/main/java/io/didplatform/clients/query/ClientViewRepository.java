package io.didplatform.clients.query;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientViewRepository extends JpaRepository<ClientView, String> {
    Page<ClientView> findByNameContainingIgnoreCaseOrEmailContainingIgnoreCase(String name, String email,
                                                                               Pageable pageable);
}
