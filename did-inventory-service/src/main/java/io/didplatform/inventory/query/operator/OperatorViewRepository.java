package io.didplatform.inventory.query.operator;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorViewRepository extends JpaRepository<OperatorView, String> {
    Page<OperatorView> findByNameContainingIgnoreCase(String text, Pageable pageable);
}
